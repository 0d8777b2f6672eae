using Migrations.Build.SqlServer.Models;

namespace Migrations.Build.SqlServer.Tests.Models;

/// <summary>A .sqlproj's model files are read from its XML, without the SQL project SDK.</summary>
[TestClass]
public sealed class SqlProjectItemsTests
{
    [TestMethod]
    public void An_SDK_style_project_builds_every_sql_file_of_its_folder_but_bin_obj_and_deployment_scripts()
    {
        using var folder = new TemporaryDirectory();
        var project = folder.Write("Db/Db.sqlproj", """
            <Project Sdk="Microsoft.Build.Sql/1.0.0">
              <ItemGroup>
                <PostDeploy Include="Scripts/Seed.sql" />
                <Build Remove="Old/**" />
              </ItemGroup>
            </Project>
            """);
        folder.Write("Db/Tables/a.sql", "CREATE TABLE a (id int);");
        folder.Write("Db/b.sql", "CREATE TABLE b (id int);");
        folder.Write("Db/Scripts/Seed.sql", "INSERT INTO a VALUES (1);");
        folder.Write("Db/Old/c.sql", "CREATE TABLE c (id int);");
        folder.Write("Db/bin/Debug/x.sql", "CREATE TABLE x (id int);");
        folder.Write("Db/obj/y.sql", "CREATE TABLE y (id int);");

        var files = SqlProjectItems.Read(project).Select(f => Path.GetRelativePath(Path.Combine(folder.Path, "Db"), f).Replace('\\', '/'));

        CollectionAssert.AreEqual(new[] { "Tables/a.sql", "b.sql" }, files.ToArray());
    }

    [TestMethod]
    public void A_classic_project_builds_only_its_Build_items_with_wildcards()
    {
        using var folder = new TemporaryDirectory();
        var project = folder.Write("Db.sqlproj", """
            <?xml version="1.0" encoding="utf-8"?>
            <Project DefaultTargets="Build" xmlns="http://schemas.microsoft.com/developer/msbuild/2003" ToolsVersion="4.0">
              <ItemGroup>
                <Build Include="dbo\Tables\*.sql" />
                <Build Include="dbo\Views\v.sql" />
                <None Include="notes.sql" />
              </ItemGroup>
            </Project>
            """);
        folder.Write("dbo/Tables/a.sql", "CREATE TABLE a (id int);");
        folder.Write("dbo/Tables/Nested/z.sql", "CREATE TABLE z (id int);");
        folder.Write("dbo/Views/v.sql", "CREATE VIEW v AS SELECT 1 AS one;");
        folder.Write("notes.sql", "-- not part of the model");

        var files = SqlProjectItems.Read(project).Select(f => Path.GetRelativePath(folder.Path, f).Replace('\\', '/'));

        CollectionAssert.AreEqual(new[] { "dbo/Tables/a.sql", "dbo/Views/v.sql" }, files.ToArray());
    }

    [TestMethod]
    public void A_project_that_is_not_XML_is_a_clear_error()
    {
        using var folder = new TemporaryDirectory();
        var project = folder.Write("Db.sqlproj", "<Project");

        var error = Assert.ThrowsExactly<InvalidDataException>(() => SqlProjectItems.Read(project));

        Assert.StartsWith($"The SQL project '{project}' is not valid XML: ", error.Message);
    }
}
