using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace DoanKhoi.Mail;

/// <summary>Where a service's reminders are e-mailed from, bound under the service's own section
/// (<c>Reporting:Smtp</c>, <c>Inspection:Smtp</c>); no host, no e-mail (the portal still shows them).</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public bool UseTls { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "doankhoi@localhost";
}

/// <summary>One connection to the SMTP server (MailKit) for a batch of plain-text messages from
/// <see cref="SmtpOptions.From"/>. A message the server refuses, or a connection lost midway, comes back
/// as the reason instead of an exception, so that the caller records it to try again later and the rest
/// of the batch still goes.</summary>
public sealed class SmtpSender : IDisposable
{
    private readonly SmtpClient _client = new();
    private readonly SmtpOptions _options;

    private SmtpSender(SmtpOptions options) => _options = options;

    /// <summary>Connects (STARTTLS when <see cref="SmtpOptions.UseTls"/>) and logs in when a user name is set.</summary>
    public static async Task<SmtpSender> ConnectAsync(SmtpOptions options, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Host);
        var sender = new SmtpSender(options);
        try
        {
            await sender._client.ConnectAsync(options.Host, options.Port, options.UseTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, ct);
            if (!string.IsNullOrEmpty(options.UserName)) await sender._client.AuthenticateAsync(options.UserName, options.Password ?? "", ct);
            return sender;
        }
        catch
        {
            sender.Dispose();
            throw;
        }
    }

    /// <summary>Sends one message to <paramref name="to"/>: null once the server has taken it, otherwise
    /// why it did not. An address that does not parse is a fault of the caller's data and is thrown.</summary>
    public async Task<string?> TrySendAsync(string to, string subject, string text, CancellationToken ct)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(_options.From));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = text };
        try
        {
            await _client.SendAsync(message, ct);
            return null;
        }
        catch (Exception e) when (e is SmtpCommandException or SmtpProtocolException or IOException)
        {
            return e.Message;
        }
    }

    /// <summary>Says goodbye to the server (QUIT) once the batch is sent.</summary>
    public Task DisconnectAsync(CancellationToken ct) => _client.DisconnectAsync(true, ct);

    public void Dispose() => _client.Dispose();
}
