using Microsoft.EntityFrameworkCore;

namespace NotesApp;

public sealed class Note
{
    public int Id { get; set; }

    public string? Text { get; set; }

    // In the model, but in no migration: the bridge exports it as a pending AddColumn.
    public bool Pinned { get; set; }
}

public sealed class NotesContext : DbContext
{
    public DbSet<Note> Notes => Set<Note>();

    // Never connected to: the bridge only asks EF Core for SQL.
#if EF_SQLITE
    protected override void OnConfiguring(DbContextOptionsBuilder options) => options.UseSqlite("Data Source=notes.db");
#elif EF_NPGSQL
    protected override void OnConfiguring(DbContextOptionsBuilder options) => options.UseNpgsql("Host=localhost;Database=notes");
#else
    protected override void OnConfiguring(DbContextOptionsBuilder options) => options.UseSqlServer("Server=localhost;Database=notes");
#endif
}

public static class Program
{
    public static void Main() => Console.WriteLine(new NotesContext().Model.GetEntityTypes().Count());
}
