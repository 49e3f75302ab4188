/// Which code this binary was built from.
public enum BuildInfo {
    /// `git describe --always --dirty` of the tree built (`-dirty` with uncommitted changes),
    /// IVRC_BUILD_COMMIT where there was no repository, or `unknown`.
    public static let commit = buildCommit
}
