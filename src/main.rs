fn main() {
    microcare::start();
}

