extension String {
    /// The text without leading and trailing white space (newlines included). Pure Swift:
    /// Foundation's `trimmingCharacters(in:)` bridges through `NSString` on Linux and showed up
    /// in profiles of the hot path.
    func trimmingCharactersInWhitespace() -> String {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }
}
