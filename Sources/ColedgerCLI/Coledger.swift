@main
struct Coledger {
    static func main() {}
}
