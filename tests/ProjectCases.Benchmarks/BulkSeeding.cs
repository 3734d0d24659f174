using JasperFx;
using Marten;
using Npgsql;
using NpgsqlTypes;
using ProjectCases.Infrastructure.Json;
using ProjectCases.Infrastructure.Marten;
using ProjectCases.Projects;
using ProjectCases.Troubles;
using ProjectCases.Troubles.Cases;
using Weasel.Core;

namespace ProjectCases.Benchmarks;

/// <summary>
/// Loads volume straight into the service's schema, far faster than through HTTP, in the shapes the service
/// itself writes: the stored JSON comes from the same serializer settings and stored event names.
/// </summary>
public static class BulkSeeding
{
    /// <summary>Open trouble cases, as TroubleCase documents (what the hotline queue reads), with Marten's COPY-based bulk insert.</summary>
    public static async Task TroubleCases(string connectionString, IReadOnlyList<Guid> projectIds, int count)
    {
        using var store = DocumentStore.For(opts =>
        {
            opts.Connection(connectionString);
            opts.DatabaseSchemaName = MartenSetup.Schema;
            opts.AutoCreateSchemaObjects = AutoCreate.None; // the service created and owns the schema
            opts.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase, JsonSetup.ApplyStoredEventRules);
            opts.ConfigureTroubles();
        });
        var random = new Random(42);
        var now = DateTimeOffset.UtcNow;
        var cases = Enumerable.Range(0, count).Select(i =>
        {
            var priority = (Priority)random.Next(4);
            var reportedAt = now.AddMinutes(-random.Next(60 * 24 * 365));
            var firstResponseDue = reportedAt.AddHours(4 + random.Next(48));
            return new TroubleCase
            {
                Id = Guid.CreateVersion7(), ProjectId = projectIds[i % projectIds.Count], Category = (TroubleCategory)random.Next(18),
                Summary = $"Interim payment certificates unpaid ({i})", Details = "Certified by the engineer but not paid by the employer.",
                OccurredOn = DateOnly.FromDateTime(reportedAt.UtcDateTime), ReporterCompany = $"Company {i % 500}",
                Reporter = new Reporter($"Company {i % 500}", CompanyType.Contractor, "Sato", "sato@example.co.jp"),
                ReportedAt = reportedAt, Priority = priority, PriorityRank = (int)priority, Assignee = i % 3 == 0 ? $"officer{i % 20}" : null,
                FirstResponseDue = firstResponseDue, ResolutionDue = firstResponseDue.AddDays(20), NextDueAt = firstResponseDue, Version = 1,
            };
        }).ToList();
        await store.BulkInsertDocumentsAsync(cases, BulkInsertMode.InsertsOnly, batchSize: 5_000);
    }

    /// <summary>
    /// Project streams, each opened by its registration (a sample project's names and summary) and followed by
    /// counted facts (touchpoints, agreements, studies, awards) spread over fiscal years 2015–2025, by binary COPY
    /// into mt_streams and mt_events with sequence numbers taken from Marten's own sequence. Kinds are chosen so that
    /// no follow-up rule fires (those would add a task per event). The searchable text comes from <paramref name="text"/>.
    /// Returns the number of events written.
    /// </summary>
    public static async Task<long> ProjectEvents(string connectionString, int events, SeedText text, int eventsPerStream = 100)
    {
        using var store = DocumentStore.For(opts =>
        {
            opts.Connection(connectionString);
            opts.DatabaseSchemaName = MartenSetup.Schema;
            opts.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase, JsonSetup.ApplyStoredEventRules);
        });
        var serializer = store.Options.Serializer();
        var schema = MartenSetup.Schema;
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var connection = await dataSource.OpenConnectionAsync();

        var streams = (events + eventsPerStream - 1) / eventsPerStream;
        var streamIds = Enumerable.Range(0, streams).Select(_ => Guid.CreateVersion7()).ToArray();
        await using (var copy = await connection.BeginBinaryImportAsync($"copy {schema}.mt_streams (id, type, version) from stdin (format binary)"))
        {
            for (var s = 0; s < streams; s++)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(streamIds[s], NpgsqlDbType.Uuid);
                await copy.WriteAsync("project_status", NpgsqlDbType.Varchar);
                await copy.WriteAsync((long)Math.Min(eventsPerStream, events - s * eventsPerStream), NpgsqlDbType.Bigint);
            }
            await copy.CompleteAsync();
        }

        await using (var reserve = new NpgsqlCommand($"select nextval('{schema}.mt_events_sequence')", connection))
        {
            var first = (long)(await reserve.ExecuteScalarAsync())!;
            await using (var jump = new NpgsqlCommand($"select setval('{schema}.mt_events_sequence', {first + events - 1})", connection))
                await jump.ExecuteScalarAsync();

            await using var copy = await connection.BeginBinaryImportAsync(
                $"copy {schema}.mt_events (seq_id, id, stream_id, version, data, type, timestamp, mt_dotnet_type, user_name) from stdin (format binary)");
            var random = new Random(7);
            for (var n = 0; n < events; n++)
            {
                var streamId = streamIds[n / eventsPerStream];
                var fact = n % eventsPerStream == 0 ? Registration(streamId, text.Project(n / eventsPerStream)) : Fact(streamId, random, text);
                await copy.StartRowAsync();
                await copy.WriteAsync(first + n, NpgsqlDbType.Bigint);
                await copy.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                await copy.WriteAsync(streamId, NpgsqlDbType.Uuid);
                await copy.WriteAsync((long)(n % eventsPerStream + 1), NpgsqlDbType.Bigint);
                await copy.WriteAsync(serializer.ToJson(fact.Data), NpgsqlDbType.Jsonb);
                await copy.WriteAsync(fact.Name, NpgsqlDbType.Varchar);
                await copy.WriteAsync(DateTime.UtcNow, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync($"{fact.Data.GetType().FullName}, ProjectCases.Api", NpgsqlDbType.Varchar);
                await copy.WriteAsync("bench:seed", NpgsqlDbType.Varchar);
            }
            await copy.CompleteAsync();
        }
        return events;
    }

    /// <summary>
    /// The follow-up rules and the sealing subscription would otherwise work through the seeded history in
    /// the background and blur every later figure; the report projection is rebuilt explicitly and timed.
    /// </summary>
    public static async Task MarkSubscriptionsCaughtUp(string connectionString)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var update = dataSource.CreateCommand($"""
            update {MartenSetup.Schema}.mt_event_progression
               set last_seq_id = (select max(seq_id) from {MartenSetup.Schema}.mt_events)
             where name in ('FollowUpRules:All', 'EventSealing:All', 'FiscalYearActivity:All', 'ProjectYearOrders:All',
                            'ProjectYearActivity:All', 'ProjectCalendarYearOrders:All', 'SearchEntry:All')
            """);
        await update.ExecuteNonQueryAsync();
    }

    // The lead agency is left out: the sample data gives a ministry, not the agency's name.
    private static (string Name, object Data) Registration(Guid projectId, ProjectCases.Projects.SampleData.SampleProject p) =>
        ("project_registered", new ProjectRegistered(projectId, p.Name, p.NameJa, p.Country, p.Sector, p.Financing, null, p.Summary, p.Countries, p.Ministry));

    private static (string Name, object Data) Fact(Guid projectId, Random random, SeedText text)
    {
        var on = new DateOnly(2015, 4, 1).AddDays(random.Next(11 * 365));
        var (summary, counterpart) = text.Touchpoint(random);
        var (winner, japaneseWinner) = SeedText.Winner(random);
        return random.Next(10) switch
        {
            < 6 => ("touchpoint_logged", new TouchpointLogged(projectId, Guid.NewGuid(),
                (TouchpointKind)new[] { 3, 4, 5, 6, 7, 8, 9 }[random.Next(7)], on, JapanLevel.Official, counterpart, null,
                summary, null, [projectId])),
            6 => ("agreement_signed", new AgreementSigned(projectId, Guid.NewGuid(), AgreementType.ExchangeOfNotes,
                random.Next(2) == 0 ? AgreementLevel.Political : AgreementLevel.Administrative, "Exchange of notes", ["Japan", "Partner"], on, null)),
            7 => ("study_started", new StudyStarted(projectId, Guid.NewGuid(), StudyType.PreparatorySurvey, on, "JICA", null)),
            8 => ("study_completed", new StudyCompleted(projectId, Guid.NewGuid(), on, null)),
            _ => ("contract_awarded", new ContractAwarded(projectId, Guid.NewGuid(), null, "Package", winner, japaneseWinner,
                AwardType.Prime, AwardScope.Civil, null, null, on)),
        };
    }
}
