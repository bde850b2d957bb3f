//! Ordering short lists without `sort_by`.

/// `items` in the order `before` says, equal ones in their first order.
///
/// By insertion, not `sort_by`: the lists are one person's photos and
/// sessions (tens, not thousands), and each `sort_by` instance adds about
/// 4 KB of the standard library's sort to the WASM every client downloads.
pub(crate) fn in_order<'a, T>(
    items: impl Iterator<Item = &'a T>,
    before: fn(&T, &T) -> bool,
) -> Vec<&'a T> {
    let mut list: Vec<&T> = Vec::new();
    for item in items {
        let at = list.partition_point(|placed| !before(item, placed));
        list.insert(at, item);
    }
    list
}

#[cfg(test)]
mod tests {
    use super::in_order;

    #[test]
    fn orders_and_keeps_equal_items_in_their_first_order() {
        let items = [(2, 'a'), (1, 'b'), (2, 'c'), (0, 'd')];
        let ordered: Vec<char> = in_order(items.iter(), |x, y| x.0 < y.0)
            .into_iter()
            .map(|x| x.1)
            .collect();
        assert_eq!(ordered, ['d', 'b', 'a', 'c']);
    }
}
