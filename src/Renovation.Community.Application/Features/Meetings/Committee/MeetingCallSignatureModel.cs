using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renovation.Community.Application.Features.Meetings;

internal sealed class MeetingCallSignatureModel : IEntityTypeConfiguration<MeetingCallSignature>
{
    public void Configure(EntityTypeBuilder<MeetingCallSignature> e)
    {
        e.ToTable("CommitteeMeetingCallSignatures");
        // Each member's call is recorded once.
        e.HasKey(x => new { x.CallId, x.UserId });
        e.HasOne<CommitteeMeetingCall>().WithMany().HasForeignKey(x => x.CallId).OnDelete(DeleteBehavior.Cascade);
    }
}
