// The application itself is incidental: the sample exists to show what the build reports about its migrations.
Console.WriteLine("Broken.PostgreSqlEnumDown: see README.md for what the build reports.");
