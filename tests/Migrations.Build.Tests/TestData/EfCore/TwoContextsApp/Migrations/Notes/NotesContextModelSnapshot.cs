using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace TwoContextsApp.Migrations.Notes;

[DbContext(typeof(NotesContext))]
public sealed class NotesContextModelSnapshot : ModelSnapshot
{
    protected override void BuildModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity("TwoContextsApp.Note", b =>
        {
            b.Property<int>("Id").ValueGeneratedOnAdd().HasColumnType("INTEGER");
            b.Property<string>("Text").HasColumnType("TEXT");
            b.HasKey("Id");
            b.ToTable("Notes");
        });
    }
}
