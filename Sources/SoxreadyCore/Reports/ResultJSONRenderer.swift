import Foundation

/// The stored result's JSON, byte for byte as recorded.
struct ResultJSONRenderer: ReportRenderer {
    func render(_ context: ReportContext) throws -> Data { Data(context.run.resultJSON.utf8) }
}
