using DoanKhoi.Mail;
using DoanKhoi.Testing;

namespace DoanKhoi.Messaging.Tests;

/// <summary>The e-mail every service's reminders go through, against a real SMTP listener: a batch on one
/// connection, from the configured address, and an address the server refuses told back without stopping
/// the batch.</summary>
public sealed class SmtpSenderTests
{
    [Fact]
    public async Task A_batch_goes_from_the_configured_address_in_plain_Vietnamese_text()
    {
        await using var smtp = new SmtpListener();
        var options = new SmtpOptions { Host = "127.0.0.1", Port = smtp.Port, From = "vanphong@doankhoi.test" };

        using (var sender = await SmtpSender.ConnectAsync(options, CancellationToken.None))
        {
            Assert.Null(await sender.TrySendAsync("bithu.a@example.org", "[DoanKhoi] Sắp đến hạn", "Kính gửi đồng chí,", CancellationToken.None));
            Assert.Null(await sender.TrySendAsync("bithu.b@example.org", "[DoanKhoi] Quá hạn", "Đề nghị đôn đốc.", CancellationToken.None));
            await sender.DisconnectAsync(CancellationToken.None);
        }

        Assert.Equal(["bithu.a@example.org", "bithu.b@example.org"], smtp.Messages.Select(m => m.To.Mailboxes.Single().Address));
        Assert.All(smtp.Messages, m => Assert.Equal("vanphong@doankhoi.test", m.From.Mailboxes.Single().Address));
        var first = smtp.Messages.First();
        Assert.Equal("[DoanKhoi] Sắp đến hạn", first.Subject);
        Assert.Equal("Kính gửi đồng chí,", first.TextBody?.Trim());
    }

    [Fact]
    public async Task A_recipient_the_server_refuses_is_told_back_and_the_next_message_still_goes()
    {
        await using var smtp = new SmtpListener(refused: "khong.ton.tai@example.org");
        var options = new SmtpOptions { Host = "127.0.0.1", Port = smtp.Port };

        using var sender = await SmtpSender.ConnectAsync(options, CancellationToken.None);
        var refused = await sender.TrySendAsync("khong.ton.tai@example.org", "[DoanKhoi] Nhắc", "…", CancellationToken.None);
        var sent = await sender.TrySendAsync("bithu.a@example.org", "[DoanKhoi] Nhắc", "…", CancellationToken.None);
        await sender.DisconnectAsync(CancellationToken.None);

        Assert.False(string.IsNullOrWhiteSpace(refused));
        Assert.Null(sent);
        Assert.Equal("bithu.a@example.org", Assert.Single(smtp.Messages).To.Mailboxes.Single().Address);
    }
}
