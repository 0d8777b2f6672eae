using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace NotesApp.Migrations;

// Written without provider-specific column types, so that one migration serves every provider of the tests.
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
                Id = table.Column<int>(nullable: false),
                Text = table.Column<string>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_Notes", x => x.Id));
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "Notes");
}
