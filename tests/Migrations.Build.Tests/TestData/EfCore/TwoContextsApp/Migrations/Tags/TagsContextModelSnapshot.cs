using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace TwoContextsApp.Migrations.Tags;

[DbContext(typeof(TagsContext))]
public sealed class TagsContextModelSnapshot : ModelSnapshot
{
    protected override void BuildModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity("TwoContextsApp.Tag", b =>
        {
            b.Property<int>("Id").ValueGeneratedOnAdd().HasColumnType("INTEGER");
            b.Property<string>("Name").HasColumnType("TEXT");
            b.HasKey("Id");
            b.ToTable("Tags");
        });
        modelBuilder.Entity("TwoContextsApp.TagLink", b =>
        {
            b.Property<int>("Id").ValueGeneratedOnAdd().HasColumnType("INTEGER");
            b.Property<int>("TagId").HasColumnType("INTEGER");
            b.HasKey("Id");
            b.ToTable("TagLinks");
        });
    }
}
