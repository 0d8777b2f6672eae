using Microsoft.EntityFrameworkCore;

namespace EfCore.PendingChange;

/// <summary>The shop's database: customers and their leads.</summary>
public sealed class ShopContext : DbContext
{
    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<Lead> Leads => Set<Lead>();

    protected override void OnConfiguring(DbContextOptionsBuilder options) => options.UseSqlite("Data Source=shop.db");

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<Customer>().HasIndex(c => c.Email).IsUnique();
        model.Entity<Lead>().HasOne(l => l.Customer).WithMany(c => c.Leads).OnDelete(DeleteBehavior.Cascade);
    }
}
