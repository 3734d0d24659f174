using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using MimeKit;
using netDumbster.smtp;
using ProjectCases.Api.Tests.Support;
using ProjectCases.Infrastructure.Auth;
using ProjectCases.Infrastructure.Postgres;

namespace ProjectCases.Api.Tests.Notifications;

/// <summary>
/// The notification scenarios' own PostgreSQL (or a database of their own on PROJECTCASES_TEST_DATABASE's server),
/// an in-process SMTP server (netDumbster) and a host with notifications on, sending to it. The shared API host
/// runs with notifications off, so no other test depends on mail.
/// </summary>
public sealed class NotificationsFixture : IAsyncLifetime
{
    public const string HotlineDesk = "hotline-desk@mofa.example.go.jp";
    public const string HotlineLead = "hotline-lead@mofa.example.go.jp";

    private PostgresServer? _server;

    public IAlbaHost Host { get; private set; } = null!;
    public SimpleSmtpServer Smtp { get; private set; } = null!;
    public TestClock Clock { get; } = new();
    private string _serverConnection = "";

    public async Task InitializeAsync()
    {
        _serverConnection = Environment.GetEnvironmentVariable(ApiFixture.DatabaseVariable) ?? await StartServer();
        Smtp = SimpleSmtpServer.Start(PostgresServer.FreePort());
        Host = await StartHost(await Database("notifications"), Clock, Smtp.Configuration.Port);
    }

    /// <summary>A host with notifications on, mailing 127.0.0.1:<paramref name="smtpPort"/>; the desk, the lead and one directory entry configured.</summary>
    public static Task<IAlbaHost> StartHost(string connectionString, TimeProvider clock, int smtpPort) =>
        ApiFixture.StartHost(connectionString, clock,
            ("Notifications:Enabled", "true"),
            ("Notifications:Smtp:Host", "127.0.0.1"),
            ("Notifications:Smtp:Port", smtpPort.ToString()),
            ("Notifications:Smtp:Security", "None"),
            ("Notifications:HotlineDesk", HotlineDesk),
            ("Notifications:HotlineLead", HotlineLead),
            ("Notifications:People:0:Subject", "officer.kato"),
            ("Notifications:People:0:Email", "kato@mofa.example.go.jp"),
            ("Notifications:People:1:Subject", "officer.ueda"),
            ("Notifications:People:1:Email", "ueda@mofa.example.go.jp"),
            ("Notifications:People:1:Language", "en"));

    /// <summary>A new, empty database on the fixture's server.</summary>
    public async Task<string> Database(string name)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(_serverConnection);
        await using (var connection = new Npgsql.NpgsqlConnection(builder.ConnectionString))
        {
            await connection.OpenAsync();
            await using var drop = new Npgsql.NpgsqlCommand($"drop database if exists \"{name}\" with (force)", connection);
            await drop.ExecuteNonQueryAsync();
            await using var create = new Npgsql.NpgsqlCommand($"create database \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        builder.Database = name;
        return builder.ConnectionString;
    }

    /// <summary>The messages received so far, parsed by MimeKit (subjects and bodies decoded).</summary>
    public static IReadOnlyList<MimeMessage> Received(SimpleSmtpServer smtp) =>
        [.. smtp.ReceivedEmail.Select(m => MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(m.Data))))];

    /// <summary>A development token that also carries an `email` claim (DevelopmentTokens has none).</summary>
    public static string TokenWithEmail(string role, string subject, string email) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = DevelopmentTokens.Issuer,
            Audience = DevelopmentTokens.Audience,
            Subject = new ClaimsIdentity([new(ClaimNames.Subject, subject), new(ClaimNames.Name, subject), new(ClaimNames.Role, role), new("email", email)]),
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(DevelopmentTokens.SigningKey, SecurityAlgorithms.HmacSha256),
        });

    private async Task<string> StartServer()
    {
        _server = PostgresServer.Create(Path.Combine(Path.GetTempPath(), $"projectcases-notify-{Guid.NewGuid():N}"), PostgresServer.FreePort());
        await _server.StartAsync();
        return _server.ConnectionString("postgres");
    }

    public async Task DisposeAsync()
    {
        if (Host is not null) await Host.DisposeAsync();
        Smtp?.Dispose();
        if (_server is null) return;
        await _server.StopAsync();
        try { Directory.Delete(_server.DataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class NotificationsCollection : ICollectionFixture<NotificationsFixture>
{
    public const string Name = "notifications";
}
