/** Root of the clerk's UI (replaced by the screens). */
export function App() {
  return <div>法治台账</div>;
}
