const { serverProject } = require('../../../jest.shared');

module.exports = serverProject('server-challenges', __dirname);
