public enum LedgerStoreInfo {}
