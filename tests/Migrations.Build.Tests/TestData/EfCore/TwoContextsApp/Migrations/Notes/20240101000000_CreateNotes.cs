using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace TwoContextsApp.Migrations.Notes;

[DbContext(typeof(NotesContext))]
[Migration("20240101000000_CreateNotes")]
public sealed class CreateNotes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Notes",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                Text = table.Column<string>(type: "TEXT", nullable: true),
#if EDITED_NOTES_UP
                Color = table.Column<string>(type: "TEXT", nullable: true),
#endif
            },
            constraints: table => table.PrimaryKey("PK_Notes", x => x.Id));
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "Notes");
}
