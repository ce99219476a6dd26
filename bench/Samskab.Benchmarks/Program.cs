using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Samskab.Benchmarks;

// Usage: dotnet run -c Release --project bench/Samskab.Benchmarks -- [compile|deliver]
//        dotnet run -c Release --project bench/Samskab.Benchmarks -- generate --profile small|large [--seed 1]
//            [--provider Sqlite|Postgres] [--connection "Data Source=bench-small.db"] [--today yyyy-MM-dd]
var what = args.FirstOrDefault() ?? "all";
if (what == "generate")
{
    await Generator.RunAsync(args[1..]);
    return;
}
if (what is "compile" or "all")
{
    BenchmarkRunner.Run<CompileEdition>(DefaultConfig.Instance.AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance)).WithOptions(ConfigOptions.DisableOptimizationsValidator));
}
if (what is "deliver" or "all")
{
    await Delivery.RunAsync();
}

