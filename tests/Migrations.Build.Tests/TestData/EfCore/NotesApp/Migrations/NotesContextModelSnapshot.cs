using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace NotesApp.Migrations;

// The model after CreateNotes: Note without Pinned.
[DbContext(typeof(NotesContext))]
public sealed class NotesContextModelSnapshot : ModelSnapshot
{
    protected override void BuildModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity("NotesApp.Note", b =>
        {
            b.Property<int>("Id").ValueGeneratedOnAdd();
            b.Property<string>("Text");
            b.HasKey("Id");
            b.ToTable("Notes");
        });
    }
}
