import Hummingbird
import SupportCore
import SupportStore

/// `GET /healthz`: the service is up and has policies to answer from.
struct HealthController {
    let retriever: BM25Retriever

    struct Health: ResponseEncodable {
        let status: String
        let passages: Int
    }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("healthz") { _, _ in
            Health(status: "ok", passages: retriever.passageCount)
        }
    }
}
