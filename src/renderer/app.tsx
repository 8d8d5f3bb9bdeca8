export function App(): React.JSX.Element {
  return (
    <main>
      <h1>Follower Pulse</h1>
    </main>
  );
}
