package dev.reelforge.storage.azure;

import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.util.Context;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobHttpHeaders;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobListDetails;
import com.azure.storage.blob.models.BlobProperties;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.azure.storage.blob.models.ParallelTransferOptions;
import com.azure.storage.blob.options.BlobUploadFromFileOptions;
import com.azure.storage.blob.sas.BlobSasPermission;
import com.azure.storage.blob.sas.BlobServiceSasSignatureValues;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.storage.BlobInfo;
import dev.reelforge.core.storage.BlobKeys;
import dev.reelforge.core.storage.BlobStore;
import dev.reelforge.core.storage.SignedUpload;
import dev.reelforge.storage.internal.Files2;
import dev.reelforge.storage.internal.StoreErrors;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * An Azure Blob Storage container: block uploads in parallel chunks for large files, the SHA-256
 * kept as the blob's {@code sha256} metadata, read-only service SAS URLs for downloads and
 * create-and-write ones for direct uploads. Needs a connection string with an account key (the key
 * signs the SAS).
 */
public final class AzureBlobStore implements BlobStore {

  private static final String SHA256 = "sha256";
  private static final long BLOCK_SIZE = 8L * 1024 * 1024;

  private final BlobContainerClient container;
  private final Duration timeout;
  private final Clock clock;

  public AzureBlobStore(
      String connectionString, String containerName, Duration timeout, Clock clock) {
    this.container =
        new BlobServiceClientBuilder()
            .connectionString(connectionString)
            .httpClient(new JdkHttpClientBuilder().build())
            .buildClient()
            .getBlobContainerClient(containerName);
    this.timeout = timeout;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "azure";
  }

  @Override
  public BlobInfo put(String key, Path source, String sha256, String contentType) {
    BlobClient blob = blob(key);
    BlobUploadFromFileOptions options =
        new BlobUploadFromFileOptions(source.toString())
            .setHeaders(new BlobHttpHeaders().setContentType(contentType))
            .setMetadata(Map.of(SHA256, sha256))
            .setParallelTransferOptions(
                new ParallelTransferOptions()
                    .setBlockSizeLong(BLOCK_SIZE)
                    .setMaxSingleUploadSizeLong(BLOCK_SIZE)
                    .setMaxConcurrency(4));
    call("store " + key, () -> blob.uploadFromFileWithResponse(options, timeout, Context.NONE));
    return new BlobInfo(key, Files2.size(source), sha256);
  }

  @Override
  public void get(String key, Path target) {
    BlobClient blob = blob(key);
    Files2.downloadAtomically(
        target, temp -> call("read " + key, () -> blob.downloadToFile(temp.toString(), true)));
  }

  @Override
  public Optional<BlobInfo> head(String key) {
    BlobClient blob = blob(key);
    try {
      BlobProperties properties = call("look up " + key, blob::getProperties);
      return Optional.of(
          new BlobInfo(
              key, properties.getBlobSize(), properties.getMetadata().getOrDefault(SHA256, "")));
    } catch (ReelForgeException e) {
      if (e.code() == ErrorCode.RESOURCE_NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public List<BlobInfo> list(String prefix) {
    ListBlobsOptions options =
        new ListBlobsOptions()
            .setPrefix(prefix)
            .setDetails(new BlobListDetails().setRetrieveMetadata(true));
    return call(
        "list " + prefix,
        () -> {
          List<BlobInfo> found = new ArrayList<>();
          for (BlobItem item : container.listBlobs(options, timeout)) {
            Map<String, String> metadata =
                item.getMetadata() == null ? Map.of() : item.getMetadata();
            found.add(
                new BlobInfo(
                    item.getName(),
                    item.getProperties().getContentLength(),
                    metadata.getOrDefault(SHA256, "")));
          }
          return found;
        });
  }

  @Override
  public void delete(String key) {
    BlobClient blob = blob(key);
    call("delete " + key, blob::deleteIfExists);
  }

  @Override
  public URI signedUrl(String key, Duration ttl) {
    BlobClient blob = blob(key);
    BlobServiceSasSignatureValues values =
        new BlobServiceSasSignatureValues(
            clock.instant().plus(ttl).atOffset(ZoneOffset.UTC),
            new BlobSasPermission().setReadPermission(true));
    return URI.create(blob.getBlobUrl() + "?" + blob.generateSas(values));
  }

  /**
   * A service SAS with create and write permission on one blob, for one Put Blob request of up to
   * {@link SignedUpload#AZURE_MAX_PUT_BYTES} ({@code x-ms-blob-type: BlockBlob}). A client may also
   * send a larger file as blocks with the same URL ({@code comp=block}, then {@code
   * comp=blocklist}).
   */
  @Override
  public Optional<SignedUpload> signedUpload(String key, String contentType, Duration ttl) {
    BlobClient blob = blob(key);
    var expiresAt = clock.instant().plus(ttl);
    BlobServiceSasSignatureValues values =
        new BlobServiceSasSignatureValues(
            expiresAt.atOffset(ZoneOffset.UTC),
            new BlobSasPermission().setCreatePermission(true).setWritePermission(true));
    return Optional.of(
        new SignedUpload(
            URI.create(blob.getBlobUrl() + "?" + blob.generateSas(values)),
            "PUT",
            Map.of("x-ms-blob-type", "BlockBlob", "Content-Type", contentType),
            expiresAt,
            SignedUpload.AZURE_MAX_PUT_BYTES));
  }

  private BlobClient blob(String key) {
    return container.getBlobClient(BlobKeys.check(key));
  }

  /**
   * Runs one Azure call: a missing blob is a 404; a missing container or a refused key is a
   * permanent error naming what to fix; other answers and connection failures are retryable.
   */
  private <T> T call(String what, Supplier<T> action) {
    try {
      return action.get();
    } catch (BlobStorageException e) {
      String code = e.getErrorCode() == null ? "" : e.getErrorCode().toString();
      if (code.equals("ContainerNotFound")) {
        throw StoreErrors.missingContainer(
            what, "Azure container", container.getBlobContainerName(), e);
      }
      throw StoreErrors.of(
          "Azure", what, e.getStatusCode(), "the account key (check reelforge.storage.azure.*)", e);
    } catch (ReelForgeException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ReelForgeException(
          ErrorCode.SERVICE_UNAVAILABLE,
          "cannot "
              + what
              + ": Azure Blob at "
              + container.getAccountUrl()
              + " is unreachable ("
              + e.getMessage()
              + ")",
          e);
    }
  }
}
