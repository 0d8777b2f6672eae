using Microsoft.EntityFrameworkCore;

namespace TwoContextsApp;

public sealed class Note
{
    public int Id { get; set; }

    public string? Text { get; set; }
}

public sealed class Tag
{
    public int Id { get; set; }

    public string? Name { get; set; }
}

public sealed class TagLink
{
    public int Id { get; set; }

    public int TagId { get; set; }
}

public sealed class NotesContext : DbContext
{
    public DbSet<Note> Notes => Set<Note>();

    // Never connected to: the bridge only asks EF Core for SQL.
    protected override void OnConfiguring(DbContextOptionsBuilder options) => options.UseSqlite("Data Source=notes.db");
}

public sealed class TagsContext : DbContext
{
    public DbSet<Tag> Tags => Set<Tag>();

    public DbSet<TagLink> TagLinks => Set<TagLink>();

    protected override void OnConfiguring(DbContextOptionsBuilder options) => options.UseSqlite("Data Source=tags.db");
}

public static class Program
{
    public static void Main() => Console.WriteLine(new NotesContext().Model.GetEntityTypes().Count() + new TagsContext().Model.GetEntityTypes().Count());
}
