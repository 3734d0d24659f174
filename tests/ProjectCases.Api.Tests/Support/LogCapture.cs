using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ProjectCases.Api.Tests.Support;

/// <summary>
/// Records the application's log entries while a test runs (the provider is added to the shared host once and
/// records only between Start and Dispose; the tests of the collection run one at a time).
/// </summary>
public sealed class LogCapture : IDisposable
{
    public sealed record Entry(string Category, LogLevel Level, string Message, Exception? Exception);

    private static readonly Provider Shared = new();
    private static readonly HashSet<IServiceProvider> Attached = [];

    public static LogCapture Start(IServiceProvider services)
    {
        lock (Attached)
            if (Attached.Add(services)) services.GetRequiredService<ILoggerFactory>().AddProvider(Shared);
        Shared.Entries.Clear();
        Shared.Recording = true;
        return new LogCapture();
    }

    public IReadOnlyList<Entry> Entries => [.. Shared.Entries];

    public void Dispose() => Shared.Recording = false;

    private sealed class Provider : ILoggerProvider
    {
        public volatile bool Recording;
        public readonly System.Collections.Concurrent.ConcurrentQueue<Entry> Entries = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose() { }

        private sealed class Logger(Provider provider, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => provider.Recording;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (provider.Recording) provider.Entries.Enqueue(new Entry(category, logLevel, formatter(state, exception), exception));
            }
        }
    }
}
