using DoanKhoi.Messaging;
using Microsoft.EntityFrameworkCore;

namespace DoanKhoi.Inspection.Infrastructure;

public sealed class InspectionDbContext(DbContextOptions<InspectionDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder model) => model.AddOutboxAndInbox();
}

public sealed class InspectionDbContextFactory() : ServiceDbContextFactory<InspectionDbContext>(ResourceNames.InspectionDb);
