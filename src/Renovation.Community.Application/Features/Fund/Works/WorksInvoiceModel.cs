using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renovation.Community.Application.Features.Fund;

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
