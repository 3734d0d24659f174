using Marten;
using Microsoft.Extensions.Options;
using ProjectCases.Infrastructure;
using Wolverine;
using Wolverine.Runtime;

namespace ProjectCases.Notifications;

public static class NotificationsSetup
{
    public const string Queue = "notifications";

    /// <summary>Options (Development writes .eml files to `.data/mail` when no SMTP host is set), the center and the mail delivery.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.Configure<NotificationOptions>(configuration.GetSection(NotificationOptions.Section));
        services.PostConfigure<NotificationOptions>(options =>
        {
            if (environment.IsDevelopment() && string.IsNullOrWhiteSpace(options.Smtp.Host) && options.PickupDirectory is null)
                options.PickupDirectory = Path.Combine(SourceCheckout.RootAbove(environment.ContentRootPath) ?? environment.ContentRootPath, ".data", "mail");
        });
        services.AddSingleton<MailDelivery>();
        services.AddSingleton<NotificationCenter>();
        services.AddHostedService<NotificationsStartupNote>();
        return services;
    }

    /// <summary>Settings and sent-notification records; the preferences are found by address too.</summary>
    public static void ConfigureNotifications(this StoreOptions opts)
    {
        opts.Schema.For<NotificationPreferences>().Duplicate(p => p.Email!);
        opts.Schema.For<Notification>().Duplicate(n => n.Subject).Duplicate(n => n.To);
    }

    /// <summary>The triggers run on the async daemon, fed by NotificationsSubscription.</summary>
    public static MartenServiceCollectionExtensions.MartenConfigurationExpression AddNotificationTriggers(
        this MartenServiceCollectionExtensions.MartenConfigurationExpression marten)
    {
        marten.Services.ConfigureMarten((provider, opts) => opts.Projections.Subscribe(new NotificationsSubscription(
            provider.GetRequiredService<IWolverineRuntime>(), provider.GetRequiredService<ILogger<NotificationsSubscription>>(),
            provider.GetRequiredService<IOptions<NotificationOptions>>().Value.IgnoreEventsOlderThan)));
        return marten;
    }

    /// <summary>Sends go through their own durable local queue, so a slow mail server never holds up other work.</summary>
    public static void RouteNotifications(this WolverineOptions opts) =>
        opts.PublishMessage<SendNotification>().ToLocalQueue(Queue);
}

/// <summary>Says once at start where notifications go, so that "why did nobody get mail" has an answer in the log.</summary>
internal sealed class NotificationsStartupNote(NotificationCenter center, MailDelivery delivery, ILogger<NotificationsStartupNote> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (center.Active) logger.LogInformation("Notifications are sent to {Delivery}", delivery.Describe());
        else logger.LogWarning("Notifications are off (Notifications:Enabled is {Enabled}; delivery to {Delivery})", center.Enabled, delivery.Describe());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
