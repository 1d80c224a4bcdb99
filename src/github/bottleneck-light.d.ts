// The throttling plugin runs on Bottleneck's light build (no clustering); the client uses the same build
// for its own request spacing so the bundle carries only one copy. Its types are the full build's.
declare module 'bottleneck/light.js' {
  import Bottleneck from 'bottleneck';
  export default Bottleneck;
}
