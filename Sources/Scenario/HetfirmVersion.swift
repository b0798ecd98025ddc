/// The version of hetfirm: the one place it is written. `hetfirm --version` prints it; raise it here
/// (semantic versioning) when a release changes behaviour or output formats.
public enum HetfirmVersion {
    public static let current = "0.1.0"
}
