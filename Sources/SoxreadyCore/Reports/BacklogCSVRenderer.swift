import Foundation

/// The CSV backlog, from the stored run.
struct BacklogCSVRenderer: ReportRenderer {
    var process: BoardsProcess
    func render(_ context: ReportContext) throws -> Data { Data(try BacklogCSV.render(context.run, process: process).utf8) }
}
