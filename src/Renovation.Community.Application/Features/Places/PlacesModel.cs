using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renovation.Community.Application.Features.Places;

internal sealed class DistrictModel : IEntityTypeConfiguration<District>
{
    public void Configure(EntityTypeBuilder<District> e)
    {
        e.Property(x => x.Name).HasMaxLength(64);
        e.Property(x => x.Code).HasMaxLength(12);
        e.HasIndex(x => x.Code).IsUnique();
    }
}

internal sealed class StreetModel : IEntityTypeConfiguration<Street>
{
    public void Configure(EntityTypeBuilder<Street> e)
    {
        e.Property(x => x.Name).HasMaxLength(64);
        e.HasOne(x => x.District).WithMany().HasForeignKey(x => x.DistrictId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.DistrictId, x.Name }).IsUnique();
    }
}

internal sealed class CommunityModel : IEntityTypeConfiguration<ResidentialCommunity>
{
    public void Configure(EntityTypeBuilder<ResidentialCommunity> e)
    {
        e.ToTable("Communities");
        e.Property(x => x.Name).HasMaxLength(64);
        e.Property(x => x.Address).HasMaxLength(200);
        e.HasOne(x => x.Street).WithMany().HasForeignKey(x => x.StreetId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<PropertyCompany>().WithMany().HasForeignKey(x => x.PropertyCompanyId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.StreetId, x.Name }).IsUnique();
    }
}

internal sealed class BuildingModel : IEntityTypeConfiguration<Building>
{
    public void Configure(EntityTypeBuilder<Building> e)
    {
        e.Property(x => x.Name).HasMaxLength(32);
        e.HasOne<ResidentialCommunity>().WithMany().HasForeignKey(x => x.CommunityId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.CommunityId, x.Name }).IsUnique();
    }
}

internal sealed class UnitModel : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> e)
    {
        e.Property(x => x.Number).HasMaxLength(32);
        e.Property(x => x.CertificateNumber).HasMaxLength(64);
        e.HasOne(x => x.Building).WithMany().HasForeignKey(x => x.BuildingId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<ResidentialCommunity>().WithMany().HasForeignKey(x => x.CommunityId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.OwnerParty).WithMany().HasForeignKey(x => x.OwnerPartyId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.BuildingId, x.Number }).IsUnique();
        e.HasIndex(x => x.CommunityId);
    }
}

internal sealed class OwnerPartyModel : IEntityTypeConfiguration<OwnerParty>
{
    public void Configure(EntityTypeBuilder<OwnerParty> e)
    {
        e.Property(x => x.Name).HasMaxLength(200);
        e.HasOne<ResidentialCommunity>().WithMany().HasForeignKey(x => x.CommunityId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Members).WithOne().HasForeignKey(m => m.OwnerPartyId).OnDelete(DeleteBehavior.Cascade);
        e.Navigation(x => x.Members).HasField("_members").UsePropertyAccessMode(PropertyAccessMode.Field);
        e.HasIndex(x => new { x.CommunityId, x.Kind });
        e.HasIndex(x => new { x.CommunityId, x.DeveloperSlot }).IsUnique();
        e.HasMany(x => x.Keys).WithOne().HasForeignKey(k => k.OwnerPartyId).OnDelete(DeleteBehavior.Cascade);
        e.Navigation(x => x.Keys).HasField("_keys").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class OwnerPartyKeyModel : IEntityTypeConfiguration<OwnerPartyKey>
{
    public void Configure(EntityTypeBuilder<OwnerPartyKey> e)
    {
        // One party per key in a community: two imports racing to create the same owner meet here.
        e.HasKey(x => new { x.CommunityId, x.Key });
        e.Property(x => x.Key).HasMaxLength(64).IsUnicode(false);
        e.HasOne<ResidentialCommunity>().WithMany().HasForeignKey(x => x.CommunityId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PartyMemberModel : IEntityTypeConfiguration<PartyMember>
{
    public void Configure(EntityTypeBuilder<PartyMember> e)
    {
        e.Property(x => x.Name).HasMaxLength(64);
        e.Property(x => x.IdLast4).HasMaxLength(4);
    }
}

internal sealed class PropertyCompanyModel : IEntityTypeConfiguration<PropertyCompany>
{
    public void Configure(EntityTypeBuilder<PropertyCompany> e)
    {
        e.Property(x => x.Name).HasMaxLength(100);
        e.HasIndex(x => x.Name).IsUnique();
    }
}

internal sealed class OwnerPartyMergeModel : IEntityTypeConfiguration<OwnerPartyMerge>
{
    public void Configure(EntityTypeBuilder<OwnerPartyMerge> e)
    {
        e.Property(x => x.MergedPartyName).HasMaxLength(200);
        e.Property(x => x.Reason).HasMaxLength(OwnerPartyMerge.MaxReason);
        // No foreign key to the merged party: it is deleted by the merge this row records.
        e.HasOne<ResidentialCommunity>().WithMany().HasForeignKey(x => x.CommunityId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.CommunityId, x.MergedAt });
    }
}
