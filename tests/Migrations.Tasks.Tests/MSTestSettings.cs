// End-to-end builds are heavy (a real `dotnet build` each); two at a time suits the 2-core machines this runs on.
[assembly: Parallelize(Workers = 2, Scope = ExecutionScope.ClassLevel)]
