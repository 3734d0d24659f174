using Npgsql;
using ProjectCases.Infrastructure.Postgres;

namespace ProjectCases.Tests.Foundation;

public class StatementPreparation
{
    [Fact]
    public void a_connection_string_without_a_setting_gets_statement_preparation()
    {
        var result = new NpgsqlConnectionStringBuilder(DatabaseConnection.WithStatementPreparation("Host=db;Database=projectcases;Username=app"));
        Assert.Equal(DatabaseConnection.DefaultMaxAutoPrepare, result.MaxAutoPrepare);
        Assert.Equal("-c plan_cache_mode=force_custom_plan", result.Options); // generic plans were far slower (docs/benchmarks)
        Assert.Equal("db", result.Host);
        Assert.Equal("projectcases", result.Database);
    }

    [Fact]
    public void options_of_the_operator_are_kept_beside_the_plan_setting()
    {
        var result = new NpgsqlConnectionStringBuilder(DatabaseConnection.WithStatementPreparation("Host=db;Options=-c search_path=app"));
        Assert.Equal("-c search_path=app -c plan_cache_mode=force_custom_plan", result.Options);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;maxautoprepare=7", 7)]
    public void an_operator_setting_is_kept_even_when_it_turns_preparation_off(string connectionString, int expected)
    {
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(DatabaseConnection.WithStatementPreparation(connectionString)).MaxAutoPrepare);
    }

    [Fact]
    public void pooled_connections_are_returned_without_a_reset_unless_the_operator_says_otherwise()
    {
        Assert.True(new NpgsqlConnectionStringBuilder(DatabaseConnection.WithoutConnectionReset("Host=db;Username=app")).NoResetOnClose);
        Assert.False(new NpgsqlConnectionStringBuilder(DatabaseConnection.WithoutConnectionReset("Host=db;No Reset On Close=false")).NoResetOnClose);
    }

    [Fact]
    public void the_keyed_read_pool_overrides_custom_plans_and_stays_small()
    {
        var service = DatabaseConnection.WithStatementPreparation("Host=db;Database=projectcases;Maximum Pool Size=100");
        var keyed = new NpgsqlConnectionStringBuilder(KeyedReads.ConnectionString(service));
        // PostgreSQL applies start-up options in order: the later setting wins.
        Assert.Equal("-c plan_cache_mode=force_custom_plan -c plan_cache_mode=force_generic_plan", keyed.Options);
        Assert.Equal(KeyedReads.MaxPoolSize, keyed.MaxPoolSize);
        Assert.Equal(5, new NpgsqlConnectionStringBuilder(KeyedReads.ConnectionString("Host=db;Maximum Pool Size=5")).MaxPoolSize);
    }
}
