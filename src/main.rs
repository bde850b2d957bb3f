fn main() {
    microcare::start();
}
