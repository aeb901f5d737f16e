using DoanKhoi.Messaging;
using DoanKhoi.Messaging.Audit;
using Microsoft.EntityFrameworkCore;

namespace DoanKhoi.Inspection.Infrastructure;

public sealed class InspectionDbContext(DbContextOptions<InspectionDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder model) => model.AddOutboxAndInbox().AddAuditTrail();
}

public sealed class InspectionDbContextFactory() : ServiceDbContextFactory<InspectionDbContext>(ResourceNames.InspectionDb);
