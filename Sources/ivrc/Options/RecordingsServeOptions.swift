import ArgumentParser
import IVRRecordings
import Logging

/// `ivrc serve`'s options for receiving `recording-status-callback serve` recordings.
struct RecordingsServeOptions: ParsableArguments {
    @Option(help: "Directory recordings are stored in, sealed (AES-256-GCM), with their metadata and audit.log; enables the receiver at {path}/recordings/….")
    var recordingsDir: String?

    @Option(help: "File holding a recordings key: the base64 of 32 random bytes (`head -c 32 /dev/urandom | base64`). Repeat to rotate: the first seals new recordings, all open old ones.")
    var recordingsKeyFile: [String] = []

    @Flag(help: "Fetch recordings over plain http too (a loopback test media host only; logged as unsafe).")
    var recordingsAllowHttp = false

    @Option(help: "Largest recording fetched, in bytes (larger: refused, and Telnyx retries).")
    var recordingsMaxBytes = RecordingDownloader.Limits().maxBytes

    @Option(help: "Seconds a recording's download may take in all.")
    var recordingsTimeout = Int(RecordingDownloader.Limits().timeout.components.seconds)

    func validate() throws {
        if (recordingsDir == nil) != recordingsKeyFile.isEmpty {
            throw ValidationError("--recordings-dir and --recordings-key-file go together: recordings are never stored unencrypted")
        }
        guard recordingsMaxBytes > 0 else { throw ValidationError("--recordings-max-bytes must be positive") }
        guard recordingsTimeout > 0 else { throw ValidationError("--recordings-timeout must be a positive number of seconds") }
    }

    /// The receiver, or nil when no recordings directory was given.
    func receiver(logger: Logger) throws -> RecordingReceiver? {
        guard let recordingsDir else { return nil }
        var limits = RecordingDownloader.Limits()
        limits.allowHTTP = recordingsAllowHttp
        limits.maxBytes = recordingsMaxBytes
        limits.timeout = .seconds(recordingsTimeout)
        do {
            let keys = try RecordingKeyRing.load(files: recordingsKeyFile)
            let store = try RecordingStore(directory: recordingsDir)
            if recordingsAllowHttp {
                logger.warning("UNSAFE: --recordings-allow-http fetches recordings over plain http; for a loopback test media host only")
            }
            logger.info("receiving recordings", metadata: ["key_id": "\(keys.currentID)", "keys": "\(recordingsKeyFile.count)"])
            return RecordingReceiver(store: store, keys: keys, downloader: RecordingDownloader(limits: limits))
        } catch {
            throw UsageFailure("cannot receive recordings: \(error)")
        }
    }
}
