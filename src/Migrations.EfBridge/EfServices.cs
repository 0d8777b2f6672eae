using System.Reflection;

namespace Migrations.EfBridge;

/// <summary>The EF Core types the export uses, found by name in the app's own EF assemblies, and the services of
/// one DbContext (its internal service provider: no design-time services are needed).</summary>
internal sealed class EfServices
{
    private readonly IServiceProvider _services;

    private EfServices(IServiceProvider services, Assembly core, Assembly relational)
    {
        _services = services;
        MutableModel = LateBound.RequiredType(core, "Microsoft.EntityFrameworkCore.Metadata.IMutableModel");
        ModelRuntimeInitializer = LateBound.RequiredType(core, "Microsoft.EntityFrameworkCore.Infrastructure.IModelRuntimeInitializer");
        DesignTimeModel = LateBound.RequiredType(core, "Microsoft.EntityFrameworkCore.Metadata.IDesignTimeModel");
        Model = LateBound.RequiredType(core, "Microsoft.EntityFrameworkCore.Metadata.IModel");
        MigrationsAssembly = LateBound.RequiredType(relational, "Microsoft.EntityFrameworkCore.Migrations.IMigrationsAssembly");
        SqlGenerator = LateBound.RequiredType(relational, "Microsoft.EntityFrameworkCore.Migrations.IMigrationsSqlGenerator");
        ModelDiffer = LateBound.RequiredType(relational, "Microsoft.EntityFrameworkCore.Migrations.IMigrationsModelDiffer");
        RelationalModelExtensions = LateBound.RequiredType(relational, "Microsoft.EntityFrameworkCore.RelationalModelExtensions");
        RelationalEntityTypeExtensions = LateBound.RequiredType(relational, "Microsoft.EntityFrameworkCore.RelationalEntityTypeExtensions");
        RelationalPropertyExtensions = LateBound.RequiredType(relational, "Microsoft.EntityFrameworkCore.RelationalPropertyExtensions");
    }

    public Type MutableModel { get; }

    public Type ModelRuntimeInitializer { get; }

    public Type DesignTimeModel { get; }

    public Type Model { get; }

    public Type MigrationsAssembly { get; }

    public Type SqlGenerator { get; }

    public Type ModelDiffer { get; }

    public Type RelationalModelExtensions { get; }

    public Type RelationalEntityTypeExtensions { get; }

    public Type RelationalPropertyExtensions { get; }

    /// <summary>The services of <paramref name="context"/>, a DbContext (through its IInfrastructure&lt;IServiceProvider&gt;).</summary>
    public static EfServices Of(object context)
    {
        var infrastructure = context.GetType().GetInterfaces().FirstOrDefault(i =>
                i.IsGenericType && i.GetGenericTypeDefinition().FullName == "Microsoft.EntityFrameworkCore.Infrastructure.IInfrastructure`1"
                && i.GetGenericArguments()[0] == typeof(IServiceProvider))
            ?? throw new UnsupportedEfException("the DbContext does not expose its service provider");
        var services = (IServiceProvider)infrastructure.GetProperty("Instance")!.GetValue(context)!;
        var core = infrastructure.Assembly;
        var relational = Assembly.Load("Microsoft.EntityFrameworkCore.Relational");
        return new EfServices(services, core, relational);
    }

    /// <summary>The context's service of this type, or null when its provider has none (a non-relational provider).</summary>
    public object? Optional(Type service) => _services.GetService(service);

    public object Required(Type service) =>
        _services.GetService(service) ?? throw new UnsupportedEfException($"the context has no {service.Name} service");

    /// <summary>A model as the migrator uses it: finalized and initialized for design time (null stays null).</summary>
    public object? Finalized(object? model)
    {
        if (model is null)
        {
            return null;
        }

        if (MutableModel.IsInstanceOfType(model) && LateBound.GetOptional(model, "IsReadOnly") is not true)
        {
            model = LateBound.Call(model, MutableModel, "FinalizeModel");
        }

        return LateBound.Call(Required(ModelRuntimeInitializer), ModelRuntimeInitializer, "Initialize", model, true, null);
    }

    /// <summary>The relational model (tables, columns) of a finalized model.</summary>
    public object? RelationalModel(object? model) =>
        model is null ? null : LateBound.CallStatic(RelationalModelExtensions, "GetRelationalModel", model);
}
