using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renovation.Community.Application.Features.Fund;

internal sealed class PublishedStatementModel : IEntityTypeConfiguration<PublishedStatement>
{
    public void Configure(EntityTypeBuilder<PublishedStatement> e)
    {
        e.ToTable("FundPublishedStatements");
        // At most one publication (and so one notice) per community, period and revision, also when requests or job runs
        // race: a first publication is revision 1, and racing corrections of one statement both claim the next revision.
        e.HasIndex(x => new { x.CommunityId, x.From, x.To, x.Revision }).IsUnique();
        e.Property(x => x.CorrectionReason).HasMaxLength(PublishedStatement.MaxReasonLength);
    }
}
