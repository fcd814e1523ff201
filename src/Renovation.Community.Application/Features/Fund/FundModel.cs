using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Renovation.Community.Application.Features.Places;

namespace Renovation.Community.Application.Features.Fund;

internal sealed class FundAccountModel : IEntityTypeConfiguration<FundAccount>
{
    public void Configure(EntityTypeBuilder<FundAccount> e)
    {
        e.ToTable("FundAccounts", t => t.HasCheckConstraint("CK_FundAccounts_Balance", "BalanceFen >= 0"));
        e.Ignore(x => x.Mode);
        // At most one account per community (single account, BuildingKey = Guid.Empty) or per building (BuildingKey =
        // the building), also for a building's account added later.
        e.HasIndex(x => new { x.CommunityId, x.BuildingKey }).IsUnique();
        // One opening per community in either mode: its first account carries the community's id (the others NULL).
        e.HasIndex(x => x.OpenedFundOf).IsUnique();
    }
}

internal sealed class FundHouseholdModel : IEntityTypeConfiguration<FundHousehold>
{
    public void Configure(EntityTypeBuilder<FundHousehold> e)
    {
        // The conditional UPDATE refuses a negative balance; the check makes the database refuse it too.
        e.ToTable("FundHouseholds", t => t.HasCheckConstraint("CK_FundHouseholds_Balance", "BalanceFen >= 0"));
        e.HasOne<FundAccount>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.UnitId).IsUnique();
        e.HasIndex(x => new { x.AccountId, x.BuildingId });
    }
}

internal sealed class FundEntryModel : IEntityTypeConfiguration<FundEntry>
{
    public void Configure(EntityTypeBuilder<FundEntry> e)
    {
        e.ToTable("FundEntries", t => t.HasCheckConstraint("CK_FundEntries_Balances", "HouseholdBalanceAfterFen >= 0 AND AccountBalanceAfterFen >= 0"));
        e.Property(x => x.SourceKey).HasMaxLength(100);
        e.Property(x => x.Memo).HasMaxLength(FundEntry.MaxMemo);
        e.HasOne<FundAccount>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<FundHousehold>().WithMany().HasForeignKey(x => x.HouseholdId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.AccountId, x.Sequence }).IsUnique();
        e.HasIndex(x => x.SourceKey).IsUnique();
        e.HasIndex(x => new { x.HouseholdId, x.Sequence });
        e.HasIndex(x => new { x.AccountId, x.PostedAt });
    }
}

internal sealed class TopUpCampaignModel : IEntityTypeConfiguration<TopUpCampaign>
{
    public void Configure(EntityTypeBuilder<TopUpCampaign> e)
    {
        e.ToTable("FundTopUpCampaigns", t => t.HasCheckConstraint("CK_FundTopUpCampaigns_Paid", "PaidFen >= 0 AND PaidFen <= DueFen"));
        e.Property(x => x.Title).HasMaxLength(100);
        // Campaigns created before instalment schedules had one due date: they read as one instalment.
        e.Property(x => x.InstalmentCount).HasDefaultValue(1);
        e.Ignore(x => x.LastDueBy);
        e.HasIndex(x => x.VoteId).IsUnique();
        e.HasIndex(x => new { x.CommunityId, x.CreatedAt });
    }
}

internal sealed class TopUpShareModel : IEntityTypeConfiguration<TopUpShare>
{
    public void Configure(EntityTypeBuilder<TopUpShare> e)
    {
        e.ToTable("FundTopUpShares", t => t.HasCheckConstraint("CK_FundTopUpShares_Paid", "PaidFen >= 0 AND PaidFen <= AmountFen"));
        e.Ignore(x => x.OwingFen);
        e.HasOne<TopUpCampaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.CampaignId, x.HouseholdId }).IsUnique();
        e.HasIndex(x => x.UnitId);
    }
}

internal sealed class OfflineTopUpModel : IEntityTypeConfiguration<OfflineTopUp>
{
    public void Configure(EntityTypeBuilder<OfflineTopUp> e)
    {
        e.ToTable("FundOfflineTopUps");
        e.Property(x => x.Note).HasMaxLength(200);
        e.HasOne<TopUpShare>().WithMany().HasForeignKey(x => x.ShareId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.CommunityId, x.EnteredAt });
    }
}

internal sealed class WorksPlanModel : IEntityTypeConfiguration<WorksPlan>
{
    public void Configure(EntityTypeBuilder<WorksPlan> e)
    {
        e.ToTable("FundWorksPlans");
        e.Property(x => x.Title).HasMaxLength(100);
        e.Property(x => x.Items).HasMaxLength(2000);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => new { x.CommunityId, x.CreatedAt });
    }
}

internal sealed class WorksInvoiceModel : IEntityTypeConfiguration<WorksInvoice>
{
    public void Configure(EntityTypeBuilder<WorksInvoice> e)
    {
        e.ToTable("FundWorksInvoices");
        e.Property(x => x.FileName).HasMaxLength(200);
        e.Property(x => x.ContentType).HasMaxLength(64);
        e.Property(x => x.StorageKey).HasMaxLength(200);
        e.Property(x => x.Sha256).HasMaxLength(64);
        e.Property(x => x.Note).HasMaxLength(WorksInvoice.MaxNote);
        e.HasOne<WorksPlan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.PlanId, x.UploadedAt });
    }
}

internal sealed class FundDueModel : IEntityTypeConfiguration<FundDue>
{
    public void Configure(EntityTypeBuilder<FundDue> e)
    {
        e.ToTable("FundDues", t => t.HasCheckConstraint("CK_FundDues_Paid", "PaidFen >= 0 AND PaidFen <= AmountFen"));
        e.Ignore(x => x.OwingFen);
        e.HasOne<WorksPlan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.PlanId, x.HouseholdId }).IsUnique();
        e.HasIndex(x => x.UnitId);
    }
}

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

internal sealed class DisclosureReminderModel : IEntityTypeConfiguration<DisclosureReminder>
{
    public void Configure(EntityTypeBuilder<DisclosureReminder> e)
    {
        e.ToTable("FundDisclosureReminders");
        e.HasIndex(x => new { x.CommunityId, x.PeriodFrom }).IsUnique();
    }
}

internal sealed class FundSettingsModel : IEntityTypeConfiguration<FundSettings>
{
    public void Configure(EntityTypeBuilder<FundSettings> e)
    {
        e.HasKey(x => x.CommunityId);
        e.Ignore(x => x.Id);
        e.HasOne<ResidentialCommunity>().WithMany().HasForeignKey(x => x.CommunityId).OnDelete(DeleteBehavior.Cascade);
    }
}
