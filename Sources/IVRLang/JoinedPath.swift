/// `directory/relativePath`, without doubling a trailing slash the user typed.
func joinedPath(_ directory: String, _ relativePath: String) -> String {
    directory.hasSuffix("/") ? directory + relativePath : directory + "/" + relativePath
}
