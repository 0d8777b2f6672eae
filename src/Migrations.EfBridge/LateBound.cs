using System.Reflection;

namespace Migrations.EfBridge;

/// <summary>Calls on EF Core's types found by name at run time: the bridge has no compile-time EF reference, so that
/// one build of it serves every EF version. A member that is not there is an <see cref="UnsupportedEfException"/>.</summary>
internal static class LateBound
{
    /// <summary>The value of a public instance property, looked up on the object's type and its interfaces.</summary>
    public static object? Get(object target, string property)
    {
        var info = FindProperty(target.GetType(), property)
            ?? throw new UnsupportedEfException($"{target.GetType().FullName} has no property {property}");
        return info.GetValue(target);
    }

    /// <summary>The value of a property when the object's type has it, else null (optional members such as an
    /// operation's Table).</summary>
    public static object? GetOptional(object target, string property) =>
        FindProperty(target.GetType(), property)?.GetValue(target);

    /// <summary>Calls an instance method declared on <paramref name="declaring"/> (an EF interface the object
    /// implements, or its class); arguments left out take the parameters' default values.</summary>
    public static object? Call(object target, Type declaring, string method, params object?[] arguments)
    {
        var info = declaring.GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.Name == method && !m.IsGenericMethodDefinition && m.GetParameters().Length >= arguments.Length)
            .OrderBy(m => m.GetParameters().Length)
            .FirstOrDefault()
            ?? throw new UnsupportedEfException($"{declaring.FullName} has no method {method}");
        return Unwrap(() => info.Invoke(target, WithDefaults(info, arguments)));
    }

    /// <summary>Calls a public static method (e.g. an extension method such as GetRelationalModel).</summary>
    public static object? CallStatic(Type declaring, string method, params object?[] arguments)
    {
        var info = declaring.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.Name == method && !m.IsGenericMethodDefinition && m.GetParameters().Length == arguments.Length)
            .FirstOrDefault(m => m.GetParameters().Zip(arguments).All(p => p.Second is null || p.First.ParameterType.IsInstanceOfType(p.Second)))
            ?? throw new UnsupportedEfException($"{declaring.FullName} has no method {method}");
        return Unwrap(() => info.Invoke(null, arguments));
    }

    /// <summary>A type of EF Core's by its full name, from the assembly that defines it.</summary>
    public static Type RequiredType(Assembly assembly, string fullName) =>
        assembly.GetType(fullName, throwOnError: false)
        ?? throw new UnsupportedEfException($"{assembly.GetName().Name} has no type {fullName}");

    /// <summary>Runs a reflected call and rethrows what the called code threw, not the reflection wrapper.</summary>
    public static object? Unwrap(Func<object?> call)
    {
        try
        {
            return call();
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }

    private static object?[] WithDefaults(MethodInfo method, object?[] arguments)
    {
        var parameters = method.GetParameters();
        var all = new object?[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            all[i] = i < arguments.Length ? arguments[i] : DefaultOf(parameters[i]);
        }

        return all;
    }

    private static object? DefaultOf(ParameterInfo parameter) =>
        parameter.HasDefaultValue && parameter.DefaultValue is not null
            ? parameter.ParameterType.IsEnum ? Enum.ToObject(parameter.ParameterType, parameter.DefaultValue) : parameter.DefaultValue
            : parameter.ParameterType.IsValueType ? Activator.CreateInstance(parameter.ParameterType) : null;

    private static PropertyInfo? FindProperty(Type type, string name) =>
        type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance)
        ?? type.GetInterfaces().Select(i => i.GetProperty(name)).FirstOrDefault(p => p is not null);
}
