using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renovation.Community.Application.Features.WeChatIntegration;

internal sealed class StoredWeChatTokenModel : IEntityTypeConfiguration<StoredWeChatToken>
{
    public void Configure(EntityTypeBuilder<StoredWeChatToken> e)
    {
        e.ToTable("WeChatAccessTokens");
        e.HasKey(x => x.AppId);
        e.Property(x => x.AppId).HasMaxLength(32);
        e.Property(x => x.Value).HasMaxLength(512);
    }
}
