/// One request as the fake received it, for tests to assert on what went over the wire.
public struct RecordedRequest: Sendable, Hashable {
    /// The request path, e.g. `/v1/messages`.
    public let path: String
    /// Header values by lowercased name; repeated headers joined with ", ".
    public let headers: [String: String]
    /// The parsed JSON body; nil when the body was not JSON.
    public let body: JSONValue?

    public init(path: String, headers: [String: String], body: JSONValue?) {
        self.path = path
        self.headers = headers
        self.body = body
    }

    /// A header's value by case-insensitive name.
    public func header(_ name: String) -> String? { headers[name.lowercased()] }
}
