import NIOSSL

/// `--cacert FILE`: the certificate authorities a test caller trusts instead of the system's,
/// so `ivrc test --url https://…` can reach a staging server whose certificate a private CA
/// signed.
public struct TrustedCertificates: Sendable {
    let certificates: [NIOSSLCertificate]

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// The PEM certificates in `path`; a file that holds none is refused, never ignored.
    public static func load(pemFile path: String) throws(Failure) -> TrustedCertificates {
        let certificates: [NIOSSLCertificate]
        do {
            certificates = try NIOSSLCertificate.fromPEMFile(path)
        } catch {
            throw Failure(description: "--cacert \(path): not a readable PEM certificate file (\(error))")
        }
        guard !certificates.isEmpty else {
            throw Failure(description: "--cacert \(path): the file holds no PEM certificate (-----BEGIN CERTIFICATE-----)")
        }
        return TrustedCertificates(certificates: certificates)
    }
}
