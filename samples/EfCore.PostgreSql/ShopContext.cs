using Microsoft.EntityFrameworkCore;

namespace EfCore.PostgreSql;

/// <summary>The shop's database: customers and their leads.</summary>
public sealed class ShopContext : DbContext
{
    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<Lead> Leads => Set<Lead>();

    // Design time never connects: Migrations.Build only asks EF Core for the SQL, and runs it on its own scratch server.
    protected override void OnConfiguring(DbContextOptionsBuilder options) => options.UseNpgsql("Host=localhost;Database=shop");

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<Customer>().HasIndex(c => c.Email).IsUnique();
        model.Entity<Lead>().HasOne(l => l.Customer).WithMany(c => c.Leads).OnDelete(DeleteBehavior.Cascade);
    }
}
