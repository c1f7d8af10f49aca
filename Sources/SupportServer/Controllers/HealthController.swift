import Hummingbird
import SupportCore
import SupportStore

/// `GET /healthz`: the service is up and has policies to answer from.
/// `GET /metrics`: turn, drafting-fault, verification and token counters (Prometheus text format).
struct HealthController {
    let retriever: BM25Retriever
    let metrics: TurnMetrics

    struct Health: ResponseEncodable {
        let status: String
        let passages: Int
    }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("healthz") { _, _ in
            Health(status: "ok", passages: retriever.passageCount)
        }
        router.get("metrics") { _, _ in
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: metrics.exposition())))
        }
    }
}
