import Foundation

/// The run's answers as an answers file.
struct AnswersFileRenderer: ReportRenderer {
    func render(_ context: ReportContext) throws -> Data {
        Data(
            try AnswersFileWriter.yaml(
                appName: context.run.appName, questionnaire: try context.run.questionnaire(),
                answers: context.run.answers, preparedBy: context.run.preparer?.name
            ).utf8)
    }
}
