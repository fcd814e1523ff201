using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renovation.Community.Application.Features.Meetings;

internal sealed class CommitteeMeetingModel : IEntityTypeConfiguration<CommitteeMeeting>
{
    public void Configure(EntityTypeBuilder<CommitteeMeeting> e)
    {
        e.ToTable("CommitteeMeetings", t =>
            // The database, not the handler, holds the observer capacity: the count only moves under this bound.
            t.HasCheckConstraint("CK_CommitteeMeetings_Observers", "ObserverCount >= 0 AND ObserverCount <= ObserverCapacity"));
        e.Property(x => x.Title).HasMaxLength(MeetingLimits.Title);
        e.Property(x => x.Place).HasMaxLength(MeetingLimits.Place);
        e.Property(x => x.OnlineLink).HasMaxLength(MeetingLimits.Link);
        e.Property(x => x.ResidentsCommitteeContact).HasMaxLength(MeetingLimits.Contact);
        e.Property(x => x.Minutes).HasMaxLength(MeetingLimits.Minutes);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasMany(x => x.Members).WithOne().HasForeignKey(m => m.MeetingId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Items).WithOne().HasForeignKey(i => i.MeetingId).OnDelete(DeleteBehavior.Cascade);
        e.Navigation(x => x.Members).UsePropertyAccessMode(PropertyAccessMode.Field);
        e.Navigation(x => x.Items).UsePropertyAccessMode(PropertyAccessMode.Field);
        e.HasIndex(x => new { x.CommunityId, x.StartsAt });
        // The sweep: closed meetings whose minutes are not out yet.
        e.HasIndex(x => new { x.State, x.MinutesPublishedAt, x.ClosedAt });
    }
}

internal sealed class MeetingMemberModel : IEntityTypeConfiguration<MeetingMember>
{
    public void Configure(EntityTypeBuilder<MeetingMember> e)
    {
        e.ToTable("CommitteeMeetingMembers");
        e.HasKey(x => new { x.MeetingId, x.UserId });
        // Attendance is recorded once: two racing check-ins cannot both move it.
        e.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class AgendaItemModel : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> e)
    {
        e.ToTable("CommitteeAgendaItems");
        e.Property(x => x.Title).HasMaxLength(MeetingLimits.Title);
        e.Property(x => x.Description).HasMaxLength(MeetingLimits.Description);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => new { x.MeetingId, x.Order }).IsUnique();
    }
}

internal sealed class MemberPositionModel : IEntityTypeConfiguration<MemberPosition>
{
    public void Configure(EntityTypeBuilder<MemberPosition> e)
    {
        e.ToTable("CommitteeMemberPositions");
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<AgendaItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Cascade);
        // One position per member and item.
        e.HasIndex(x => new { x.ItemId, x.MemberUserId }).IsUnique();
    }
}

internal sealed class MeetingObserverModel : IEntityTypeConfiguration<MeetingObserver>
{
    public void Configure(EntityTypeBuilder<MeetingObserver> e)
    {
        e.ToTable("CommitteeMeetingObservers");
        e.HasOne<CommitteeMeeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.MeetingId, x.UserId }).IsUnique();
    }
}

internal sealed class CommitteeMeetingCallModel : IEntityTypeConfiguration<CommitteeMeetingCall>
{
    public void Configure(EntityTypeBuilder<CommitteeMeetingCall> e)
    {
        e.ToTable("CommitteeMeetingCalls");
        e.Property(x => x.Reason).HasMaxLength(MeetingLimits.Description);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => new { x.CommunityId, x.CreatedAt });
        e.HasIndex(x => x.HoldBy);
    }
}

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

internal sealed class OwnersAssemblyModel : IEntityTypeConfiguration<OwnersAssembly>
{
    public void Configure(EntityTypeBuilder<OwnersAssembly> e)
    {
        e.ToTable("OwnersAssemblies");
        e.Property(x => x.Title).HasMaxLength(MeetingLimits.Title);
        e.Property(x => x.Place).HasMaxLength(MeetingLimits.Place);
        e.Property(x => x.Method).HasMaxLength(MeetingLimits.Place);
        e.Property(x => x.ResultsRecord).HasMaxLength(MeetingLimits.Minutes);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasMany(x => x.Items).WithOne().HasForeignKey(i => i.AssemblyId).OnDelete(DeleteBehavior.Cascade);
        e.Navigation(x => x.Items).UsePropertyAccessMode(PropertyAccessMode.Field);
        e.HasIndex(x => new { x.CommunityId, x.StartsAt });
        // One assembly per owners' demand.
        e.HasIndex(x => x.DemandId).IsUnique();
    }
}

internal sealed class AssemblyItemModel : IEntityTypeConfiguration<AssemblyItem>
{
    public void Configure(EntityTypeBuilder<AssemblyItem> e)
    {
        e.ToTable("OwnersAssemblyItems");
        e.Property(x => x.Title).HasMaxLength(MeetingLimits.Title);
        e.Property(x => x.Description).HasMaxLength(MeetingLimits.Description);
        e.HasIndex(x => new { x.AssemblyId, x.Order }).IsUnique();
        e.HasIndex(x => x.VoteId).IsUnique();
    }
}

internal sealed class AssemblyDemandModel : IEntityTypeConfiguration<AssemblyDemand>
{
    public void Configure(EntityTypeBuilder<AssemblyDemand> e)
    {
        e.ToTable("AssemblyDemands");
        e.Property(x => x.Purpose).HasMaxLength(MeetingLimits.Description);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => new { x.CommunityId, x.CreatedAt });
    }
}

internal sealed class DemandSupportModel : IEntityTypeConfiguration<DemandSupport>
{
    public void Configure(EntityTypeBuilder<DemandSupport> e)
    {
        e.ToTable("AssemblyDemandSupports");
        e.HasKey(x => new { x.DemandId, x.OwnerPartyId });
        e.HasOne<AssemblyDemand>().WithMany().HasForeignKey(x => x.DemandId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MeetingSettingsModel : IEntityTypeConfiguration<MeetingSettings>
{
    public void Configure(EntityTypeBuilder<MeetingSettings> e)
    {
        e.ToTable("MeetingSettings");
        e.HasKey(x => x.CommunityId);
        e.Property(x => x.ResidentsCommitteeContact).HasMaxLength(MeetingLimits.Contact);
    }
}

internal sealed class MeetingAlertModel : IEntityTypeConfiguration<MeetingAlert>
{
    public void Configure(EntityTypeBuilder<MeetingAlert> e)
    {
        e.ToTable("MeetingAlerts");
        e.HasKey(x => x.Key);
        e.Property(x => x.Key).HasMaxLength(120);
        e.Property(x => x.Kind).HasMaxLength(40);
        e.Property(x => x.Message).HasMaxLength(500);
        e.HasIndex(x => new { x.CommunityId, x.RaisedAt });
    }
}

public static class MeetingLimits
{
    public const int Title = 100;
    public const int Place = 200;
    public const int Link = 500;
    public const int Contact = 200;
    public const int Description = 2000;
    public const int Minutes = 20000;
    public const int MaxItems = 30;
    /// <summary>How far ahead a meeting may be convened, and how long an assembly's voting may run.</summary>
    public const int HorizonDays = 366;
    public const int LongestAssemblyDays = 90;

    public static void EnsureWithinHorizon(DateTimeOffset startsAt, DateTimeOffset now)
    {
        if (startsAt > now.AddDays(HorizonDays))
            throw new Common.Errors.DomainRuleViolation("starts_too_late", $"会议时间不能晚于 {HorizonDays} 天之后");
    }
}
