using System.Security.Cryptography;
using DoanKhoi.Identity.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace DoanKhoi.Identity.Infrastructure;

/// <summary>The token service's keys, read from the database once it is migrated. On the very first
/// start they are generated there; they never live in the repository or in configuration.</summary>
public sealed class ServerKeyRing
{
    private RsaSecurityKey? _signing;
    private SymmetricSecurityKey? _encryption;

    public RsaSecurityKey Signing => _signing ?? throw NotLoaded();
    public SymmetricSecurityKey Encryption => _encryption ?? throw NotLoaded();

    internal void Load(RsaSecurityKey signing, SymmetricSecurityKey encryption) => (_signing, _encryption) = (signing, encryption);

    private static InvalidOperationException NotLoaded() => new("The token service's keys are not loaded yet: the database is not ready.");
}

/// <summary>Loads the keys, creating them if the database has none; runs after the migrations.</summary>
public sealed class ServerKeyLoader(IServiceScopeFactory scopes, ServerKeyRing ring, TimeProvider clock, ILogger<ServerKeyLoader> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        var signing = await LoadOrCreateAsync(db, ServerKey.Signing, () =>
        {
            using var rsa = RSA.Create(2048);
            return rsa.ExportRSAPrivateKeyPem();
        }, ct);
        var encryption = await LoadOrCreateAsync(db, ServerKey.Encryption, () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), ct);

        var rsa = RSA.Create();
        rsa.ImportFromPem(signing.Material);
        // The key id is a hash of the public key: the same key gets the same kid after a restart.
        var kid = Base64UrlEncoder.Encode(SHA256.HashData(rsa.ExportSubjectPublicKeyInfo()))[..16];
        ring.Load(new RsaSecurityKey(rsa) { KeyId = kid },
                  new SymmetricSecurityKey(Convert.FromBase64String(encryption.Material)) { KeyId = "enc-" + kid });
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<ServerKey> LoadOrCreateAsync(AccountsDbContext db, string use, Func<string> create, CancellationToken ct)
    {
        if (await db.ServerKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Use == use, ct) is { } existing) return existing;
        db.ServerKeys.Add(new ServerKey { Use = use, Material = create(), CreatedAt = clock.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Generated the token service's {Use} key", use);
        }
        catch (DbUpdateException)
        {
            // Another instance created it at the same moment: use theirs.
            db.ChangeTracker.Clear();
        }
        return await db.ServerKeys.AsNoTracking().FirstAsync(k => k.Use == use, ct);
    }
}

/// <summary>Hands the loaded keys to OpenIddict's server (signing and encryption).</summary>
public sealed class ServerKeyOptions(ServerKeyRing ring) : IConfigureOptions<OpenIddictServerOptions>
{
    public void Configure(OpenIddictServerOptions options)
    {
        options.SigningCredentials.Add(new SigningCredentials(ring.Signing, SecurityAlgorithms.RsaSha256));
        options.EncryptionCredentials.Add(new EncryptingCredentials(ring.Encryption, SecurityAlgorithms.Aes256KW, SecurityAlgorithms.Aes256CbcHmacSha512));
    }
}
