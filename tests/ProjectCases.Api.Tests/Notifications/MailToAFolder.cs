using MimeKit;
using ProjectCases.Api.Tests.Support;

namespace ProjectCases.Api.Tests.Notifications;

/// <summary>Without an SMTP host (a newcomer's Development machine), messages land as .eml files in the pickup folder.</summary>
[Collection(NotificationsCollection.Name)]
public class MailToAFolder(NotificationsFixture fixture)
{
    [Fact]
    public async Task without_an_smtp_host_a_reported_case_is_written_as_one_eml_file_in_the_pickup_folder()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"projectcases-mail-{Guid.NewGuid():N}");
        try
        {
            await using var host = await ApiFixture.StartHost(await fixture.Database("notifications_folder"), new TestClock(),
                ("Notifications:Enabled", "true"), ("Notifications:PickupDirectory", folder), ("Notifications:HotlineDesk", NotificationsFixture.HotlineDesk));
            var troubles = new TroubleApi(host);
            var id = await troubles.Reported(await troubles.AwardedProject());

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (!Directory.Exists(folder) || Directory.GetFiles(folder, "*.eml").Length == 0) await Task.Delay(100, timeout.Token);

            var mail = await MimeMessage.LoadAsync(Assert.Single(Directory.GetFiles(folder, "*.eml")));
            Assert.Equal(NotificationsFixture.HotlineDesk, Assert.Single(mail.To.Mailboxes).Address);
            Assert.Equal(id.ToString(), mail.Headers["X-ProjectCases-Subject"]);
            Assert.StartsWith("[ProjectCases] 新しい相談案件", mail.Subject);
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }
}
